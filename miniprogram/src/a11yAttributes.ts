/**
 * Screen-reader attributes for the WeChat build. Taro's weapp templates only bind the attributes Taro knows, and
 * its list has no `aria-*`, so a label written in JSX (`aria-label` / `ariaLabel`, `role`, `aria-checked`, …)
 * reached the H5 build but never the mini-program that blind residents actually use with 读屏.
 *
 * The same patch (a11yAttributes.json, plain data so the build config can read it too) is applied on both sides of
 * Taro's template contract, in the same order: at build time to the template (config/weappA11y.ts) and at run
 * time to the runtime's component list (app.ts), so the short attribute aliases agree. WeChat reads these as its
 * 无障碍 attributes; `role` is written out as `aria-role`.
 */
import data from './a11yAttributes.json'

/** Component → attributes ('' = bound to the node's own value, nothing by default). */
export const A11Y_COMPONENT_ATTRIBUTES: Record<string, Record<string, string>> = data.components
/** JSX props written out under another attribute name in the weapp template (WeChat's name for a role). */
export const A11Y_RENAMED_PROPS: Record<string, string> = data.renamed

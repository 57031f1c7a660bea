/**
 * Build side of the weapp screen-reader attributes (see src/a11yAttributes.ts and .json): after the weapp platform sets up
 * its template, merge our attributes into it and write `role` out as WeChat's `aria-role`. Taro offers no hook that
 * reaches the platform's template, so this wraps `Weapp.prototype.modifyTemplate`, the method the platform itself
 * uses for the same purpose; the runtime half is in app.ts.
 */
// the data file, not src/a11yAttributes.ts: the build config is compiled on its own and cannot load src/ TypeScript
import a11y from '../src/a11yAttributes.json'

const A11Y_COMPONENT_ATTRIBUTES: Record<string, Record<string, string>> = a11y.components
const A11Y_RENAMED_PROPS: Record<string, string> = a11y.renamed

interface WeappTemplate {
  mergeComponents(ctx: unknown, patch: Record<string, Record<string, string>>): void
  replacePropName(name: string, value: string, componentName: string, componentAlias: unknown): string
}
interface WeappProto {
  modifyTemplate(options: unknown): void
  template: WeappTemplate
  ctx: unknown
  zjA11y?: boolean
}

export function enableWeappA11y(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Weapp } = require('@tarojs/plugin-platform-weapp') as { Weapp: { prototype: WeappProto } }
  const proto = Weapp.prototype
  if (proto.zjA11y) return
  const original = proto.modifyTemplate
  proto.modifyTemplate = function (this: WeappProto, options: unknown) {
    original.call(this, options)
    const template = this.template
    template.mergeComponents(this.ctx, A11Y_COMPONENT_ATTRIBUTES)
    const rename = template.replacePropName.bind(template)
    template.replacePropName = (name, value, componentName, componentAlias) =>
      A11Y_RENAMED_PROPS[name] ?? rename(name, value, componentName, componentAlias)
  }
  proto.zjA11y = true
}

/**
 * What WeChat would render for an attribute of an element in a simulate test. miniprogram-simulate's DOM shows
 * only class, style and data-*, so the attribute is resolved the way the real renderer does it: the level-0
 * template for the node's name (Taro's `nn`) in the build's base.wxml binds `attr="{{i.<key>}}"`, and the page
 * data holds the node with that key.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { SimPage } from './simulate'

type Node = Record<string, unknown> & { sid?: string; nn?: string | number; cn?: Node[] }

const templates = new Map<string, Map<string, string>>()

/** nn → the opening tag of its level-0 template, for one build. */
function openingTags(root: string): Map<string, string> {
  let map = templates.get(root)
  if (!map) {
    map = new Map()
    const wxml = fs.readFileSync(path.join(root, 'base.wxml'), 'utf8')
    const re = /<template name="tmpl_0_(\w+)">\s*(<[^>]*>)/g
    for (let m = re.exec(wxml); m; m = re.exec(wxml)) map.set(m[1], m[2])
    templates.set(root, map)
  }
  return map
}

function findNode(value: unknown, sid: string): Node | null {
  if (!value || typeof value !== 'object') return null
  if (Array.isArray(value)) {
    for (const v of value) {
      const hit = findNode(v, sid)
      if (hit) return hit
    }
    return null
  }
  const o = value as Node
  if (o.sid === sid && o.nn !== undefined) return o
  for (const v of Object.values(o)) {
    const hit = findNode(v, sid)
    if (hit) return hit
  }
  return null
}

/**
 * The value of `attr` that the weapp template renders for `el`, or null when its template does not bind `attr`
 * at all (then WeChat never shows it, whatever the JSX said).
 */
export function renderedAttribute(root: string, page: SimPage, el: Element, attr: string): unknown {
  const sid = el.getAttribute('data-sid')
  if (!sid) throw new Error('element has no data-sid')
  const node = findNode((page.comp.instance as { data?: unknown }).data, sid)
  if (!node) throw new Error(`no node ${sid} in the page data`)
  const tag = openingTags(root).get(String(node.nn))
  if (!tag) throw new Error(`no template for node name ${String(node.nn)}`)
  const m = new RegExp(`\\s${attr}="\\{\\{i\\.(\\w+)`).exec(tag)
  return m ? (node[m[1]] ?? '') : null
}

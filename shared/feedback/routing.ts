/**
 * Routing rules: which department handles an item, from the departments' data (regionCodes, categories).
 * The most specific region wins: the district itself, then its city (xxxx00), then its province (xx0000).
 * A department with no categories handles every category. Ties: the department serving fewer regions, then id.
 * No match: null (the item waits in the administrators' inbox, who assign it). Pure.
 */
export interface RoutableDepartment {
  _id: string
  regionCodes: string[]
  categories?: string[] | null
}

export function regionChain(regionCode: string): string[] {
  const city = `${regionCode.slice(0, 4)}00`
  const province = `${regionCode.slice(0, 2)}0000`
  return [...new Set([regionCode, city, province])]
}

export function chooseDepartment<D extends RoutableDepartment>(
  departments: readonly D[],
  category: string,
  regionCode: string | null,
): D | null {
  if (!regionCode) return null
  const handles = (d: D) => !d.categories || d.categories.length === 0 || d.categories.includes(category)
  for (const code of regionChain(regionCode)) {
    const found = departments
      .filter((d) => d.regionCodes.includes(code) && handles(d))
      .sort((a, b) => a.regionCodes.length - b.regionCodes.length || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
    if (found[0]) return found[0]
  }
  return null
}

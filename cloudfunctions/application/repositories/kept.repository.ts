/** `kept_materials` (我的材料): documents a person submitted once, reusable in another application. */
import { db } from '../../_core/app'
import { insertOnce } from '../../_core/insertOnce'

export interface KeptMaterialDoc {
  _id: string
  openid: string
  personId: string
  label: string
  fileIds: string[]
  fromApplicationId: string
  keptAt: string
  keptAtMs: number
}

export async function keepMaterial(doc: KeptMaterialDoc): Promise<void> {
  if (!(await insertOnce('kept_materials', doc))) {
    await db().collection('kept_materials').doc(doc._id).update({
      fileIds: doc.fileIds,
      fromApplicationId: doc.fromApplicationId,
      keptAt: doc.keptAt,
      keptAtMs: doc.keptAtMs,
    })
  }
}

export async function keptOf(openid: string, limit: number, afterId: string | null): Promise<KeptMaterialDoc[]> {
  const _ = db().command
  const where: Record<string, unknown> = { openid }
  if (afterId) where._id = _.gt(afterId)
  const res = await db().collection('kept_materials').where(where).orderBy('_id', 'asc').limit(limit).get()
  return (res.data as KeptMaterialDoc[]) ?? []
}

/** Every file this person kept (a kept file may be attached again without a new upload). */
export async function keptFileIds(openid: string): Promise<Set<string>> {
  const res = await db().collection('kept_materials').where({ openid }).limit(200).get()
  return new Set(((res.data as KeptMaterialDoc[]) ?? []).flatMap((d) => d.fileIds))
}

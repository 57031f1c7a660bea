/** Writes an export file to cloud storage and returns its fileID. */
import { cloudApp } from '../../_core/app'

export async function uploadExport(cloudPath: string, content: string): Promise<string> {
  const res = await cloudApp().uploadFile({ cloudPath, fileContent: Buffer.from(content, 'utf8') })
  return (res as { fileID: string }).fileID
}

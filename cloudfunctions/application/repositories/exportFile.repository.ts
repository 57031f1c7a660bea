/** A queue export as a CSV file in storage. */
import { cloudApp } from '../../_core/app'

export async function uploadCsv(cloudPath: string, content: string): Promise<string> {
  const res = await cloudApp().uploadFile({ cloudPath, fileContent: Buffer.from('\ufeff' + content, 'utf8') })
  return (res as { fileID: string }).fileID
}

/**
 * Test photos with the header of a real camera JPEG (SOI, JFIF, SOF0 with the given size, EOI) padded with comment
 * segments to the given byte size: what WeChat and the functions read of a phone photo (size and dimensions),
 * without an image codec. `text` is written into the first comment (e.g. 违规测试 for the double's risky case).
 */
export function cameraJpeg(width: number, height: number, bytes: number, text = 'camera photo'): Buffer {
  const seg = (marker: number, body: Buffer) => {
    const len = Buffer.alloc(2)
    len.writeUInt16BE(body.length + 2)
    return Buffer.concat([Buffer.from([0xff, marker]), len, body])
  }
  const app0 = seg(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0, 0]))
  const sofBody = Buffer.alloc(15)
  sofBody[0] = 8
  sofBody.writeUInt16BE(height, 1)
  sofBody.writeUInt16BE(width, 3)
  sofBody[5] = 3
  for (let c = 0; c < 3; c++) sofBody.set([c + 1, c === 0 ? 0x22 : 0x11, c === 0 ? 0 : 1], 6 + c * 3)
  const sof = seg(0xc0, sofBody)
  const head = Buffer.concat([Buffer.from([0xff, 0xd8]), app0, seg(0xfe, Buffer.from(text, 'utf8'))])
  const tail = Buffer.concat([sof, Buffer.from([0xff, 0xd9])])
  const parts: Buffer[] = [head]
  let left = bytes - head.length - tail.length
  while (left > 4) {
    const n = Math.min(65533, left - 4)
    parts.push(seg(0xfe, Buffer.alloc(n, 0x20)))
    left -= n + 4
  }
  parts.push(tail)
  return Buffer.concat(parts)
}

/** A typical phone photo: 3024 × 4032 px, 4 MB. */
export const phonePhoto = (text?: string) => cameraJpeg(3024, 4032, 4 * 1024 * 1024, text)

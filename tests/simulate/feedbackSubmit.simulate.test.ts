/** @jest-environment node */
/**
 * 我要反馈 with a photo on the compiled weapp build: the resident fills the form, taps ＋ 添加, WeChat's album answers
 * a real PNG on disk, `wx.cloud.uploadFile` stores its bytes in the emulator's cloud storage and `feedback.submit`
 * gets the file id (checked in storage and by the WeChat image check of the double). A file that is not an image
 * is refused before anything is uploaded or created, with a message that says why.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { useSimulatedApp, type MiniApp, type SimPage } from '../helpers/simulate'
import { renderedAttribute } from '../helpers/weappAttributes'
import { solidPng } from '../helpers/png'
import { phonePhoto } from '../helpers/jpeg'
import { imageDimensions } from '../../shared/media/imageLimits'

jest.setTimeout(240_000)

const RESIDENT = 'o_demo_resident'
const env = useSimulatedApp()

let tmpDir = ''
beforeAll(() => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-sim-photo-'))
})
afterAll(() => {
  fs.rmSync(tmpDir, { recursive: true, force: true })
})

/** A file in WeChat's temp folder, as chooseImage hands it over. */
function tempFile(name: string, bytes: Buffer): string {
  const p = path.join(tmpDir, name)
  fs.writeFileSync(p, bytes)
  return p
}

const residentItems = async (): Promise<number> =>
  (await env.emu.sdk().database().collection('feedback').where({ openid: RESIDENT }).count()).total as number

const uploads = (app: MiniApp) =>
  app.calls.filter((c) => c.api === 'cloud.uploadFile').map((c) => c.args[0] as { cloudPath: string; filePath: string })

/** Picks the category, writes the text and adds the given local file as a photo through the album. */
async function fillForm(
  app: MiniApp,
  page: SimPage,
  form: { category: string; hint: string; content: string; photo: string; reduced?: boolean },
): Promise<void> {
  const { category, hint, content, photo } = form
  await page.waitForText('反馈类型', 30_000)
  await page.tapText(category)
  await page.waitForText(hint)
  await page.fire('wx-textarea', 'input', { value: content })
  await page.waitForText(`${Array.from(content).length}/2500`)
  app.pickImages([photo])
  await page.tapText('＋ 添加')
  await app.waitForCall('chooseImage')
  // the picked photo is shown (with its ✕ to remove it)
  await page.waitForText('✕')
  if (!form.reduced) expect(shownPhotos(page)).toEqual([photo])
}

/** The src of every photo thumbnail on the form. */
const shownPhotos = (page: SimPage): string[] =>
  Array.from(page.comp.dom.querySelectorAll('wx-image')).map((el) =>
    String(renderedAttribute(env.root, page, el, 'src')),
  )

describe('weapp 我要反馈 with a photo', () => {
  it('given a resident who picks a PNG, when they submit, then they get a tracking number and the item keeps the stored photo', async () => {
    const photo = solidPng(24, 16, [200, 30, 30])
    const photoPath = tempFile('wx-tmp-queue.png', photo)
    const before = await residentItems()
    const app = env.open(RESIDENT)
    const page = await app.openPage('packages/feedback/submit/index')
    await fillForm(app, page, {
      category: '投诉',
      hint: '13个工作日内答复',
      content: '历下区就业服务大厅的叫号机坏了，现场排队很乱，附上现场照片。',
      photo: photoPath,
    })

    await page.tapText('提交')
    await page.waitForText('提交成功', 30_000)
    await app.settle()
    const trackingNo = /F\d{6}[0-9A-Z]{6}/.exec(page.text())?.[0]
    expect(trackingNo).toBeDefined()
    expect(page.text()).toContain('受理编号')
    expect(page.text()).toContain('答复期限')

    // the picked file went up once, named after the request, as a PNG
    const sent = uploads(app)
    expect(sent).toHaveLength(1)
    expect(sent[0].filePath).toBe(photoPath)
    expect(sent[0].cloudPath).toMatch(/^feedback\/[\w-]+-0\.png$/)

    // the backend keeps exactly that file, and storage holds the very bytes picked
    const got = await env.emu.call(RESIDENT, 'feedback', { action: 'get', trackingNo })
    expect(got.ok).toBe(true)
    expect(got.data.images).toHaveLength(1)
    const fileID = got.data.images[0] as string
    expect(fileID).toMatch(new RegExp(`^cloud://[^/]+/${sent[0].cloudPath.replace(/[.]/g, '\\.')}$`))
    const stored = await env.emu.sdk().downloadFile({ fileID })
    expect(Buffer.from(stored.fileContent as Buffer).equals(photo)).toBe(true)
    expect(await residentItems()).toBe(before + 1)
    page.close()
  })

  it("given a resident who picks a normal 4 MB phone photo (3024 × 4032), when they submit, then what goes up is resized to 750 × 1000 and under 1 MB, and WeChat's image check accepts it at once", async () => {
    const original = phonePhoto()
    const photoPath = tempFile('wx-tmp-camera.jpg', original)
    const asyncChecks = async () =>
      (await env.emu.admin<{ items: unknown[] }>('/_emulator/wechat/media-checks')).items.length
    const checksBefore = await asyncChecks()
    const app = env.open(RESIDENT)
    const page = await app.openPage('packages/feedback/submit/index')
    await fillForm(app, page, {
      category: '投诉',
      hint: '13个工作日内答复',
      content: '社区就业服务站周二下午无人值班，附上门口照片。',
      photo: photoPath,
      reduced: true,
    })
    // reduced on the phone: WeChat's compressImage asked for 750 × 1000 at quality 80, and the thumbnail is that file
    const compress = app.calls.filter((c) => c.api === 'compressImage').map((c) => c.args[0] as Record<string, unknown>)
    expect(compress).toEqual([
      expect.objectContaining({ src: photoPath, quality: 80, compressedWidth: 750, compressedHeight: 1000 }),
    ])
    const [shown] = shownPhotos(page)
    expect(shown).not.toBe(photoPath)

    await page.tapText('提交')
    await page.waitForText('提交成功', 30_000)
    await app.settle()
    const trackingNo = /F\d{6}[0-9A-Z]{6}/.exec(page.text())?.[0]
    expect(trackingNo).toBeDefined()

    // the reduced file went up, not the 4 MB original
    const sent = uploads(app)
    expect(sent).toHaveLength(1)
    expect(sent[0].filePath).toBe(shown)
    const got = await env.emu.call(RESIDENT, 'feedback', { action: 'get', trackingNo })
    expect(got).toMatchObject({ ok: true, data: { status: 'submitted' } })
    const stored = Buffer.from((await env.emu.sdk().downloadFile({ fileID: got.data.images[0] })).fileContent as Buffer)
    expect(stored.length).toBeLessThanOrEqual(1024 * 1024)
    expect(stored.length).toBeLessThan(original.length / 4)
    expect(imageDimensions(stored)).toEqual({ width: 750, height: 1000 })
    // checked synchronously (img_sec_check), not sent to the asynchronous check
    expect(await asyncChecks()).toBe(checksBefore)
    page.close()
  })

  it('given a resident who picks a file that is not an image, when they submit, then it is refused with the reason and nothing is uploaded or created', async () => {
    const notImage = tempFile('wx-tmp-notes.png', Buffer.from('这不是图片，只是一段文字。\n', 'utf8'))
    const before = await residentItems()
    const app = env.open(RESIDENT)
    const page = await app.openPage('packages/feedback/submit/index')
    await fillForm(app, page, {
      category: '建议',
      hint: '10个工作日内答复',
      content: '建议在服务大厅增加几把椅子，老人排队站着很辛苦。',
      photo: notImage,
    })

    await page.tapText('提交')
    await page.waitForText('只能上传 JPG、PNG 或 WebP 格式的图片', 30_000)
    await app.settle()
    expect(page.text()).not.toContain('提交成功')
    expect(page.text()).not.toContain('检查网络')
    // the form stays as filled, so the resident can remove the file and send again
    expect(shownPhotos(page)).toEqual([notImage])
    expect(page.text()).toContain('24/2500')

    expect(uploads(app)).toHaveLength(0)
    expect(
      app.calls.some(
        (c) =>
          c.api === 'cloud.callFunction' && (c.args[0] as { data?: { action?: string } }).data?.action === 'submit',
      ),
    ).toBe(false)
    expect(await residentItems()).toBe(before)
    page.close()
  })
})

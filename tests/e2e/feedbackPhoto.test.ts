/**
 * Feedback with a photo in the H5 app (headless Chromium): the demo resident picks a photo in the browser's file
 * picker (what Taro H5's chooseImage opens), submits, and sees the photo on the item's detail page, served back
 * from the emulator's storage.
 */
import { buttonByText, openBrowser, useAppStack } from '../helpers/browser'
import { solidPng } from '../helpers/png'

jest.setTimeout(420_000)

const app = useAppStack()
const CONTENT = '历下区就业服务大厅的叫号机坏了，现场排队很乱，附上现场照片。'

test('given a resident in the browser, when they add a photo and submit, then the detail page shows that photo', async () => {
  const photo = solidPng(24, 16, [200, 30, 30])
  const b = await openBrowser({ baseUrl: app.url, identity: 'o_demo_resident', testName: 'feedback-photo' })
  try {
    const page = b.page
    await page.goto(b.url('/packages/feedback/submit/index'))
    await page.locator('[data-testid="feedback-form"]').waitFor({ timeout: 60_000 })
    await page.locator('[data-testid="category-complaint"]').click()
    const field = page
      .locator('[data-testid="feedback-content"] textarea, textarea[data-testid="feedback-content"]')
      .first()
    await field.click()
    await field.fill(CONTENT)

    // 添加图片 opens chooseImage; on a phone Taro first asks 拍摄 / 从相册选择, then the file picker opens
    await page.locator('[data-testid="feedback-add-photo"]').click()
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 20_000 }),
      page.getByText('从相册选择').click(),
    ])
    expect(chooser.isMultiple()).toBe(true)
    await chooser.setFiles({ name: 'queue.png', mimeType: 'image/png', buffer: photo })
    await page.locator('[aria-label="删除第1张图片"]').waitFor({ timeout: 20_000 })
    await b.screenshot('01-photo-picked')

    await buttonByText(b, '提交').click()
    const done = page.locator('[data-testid="feedback-submitted"]')
    await done.waitFor({ timeout: 30_000 })
    const trackingNo = (await done.locator('[data-testid="tracking-no"]').innerText()).trim()
    expect(trackingNo).toMatch(/^F\d{6}[0-9A-Z]{6}$/)

    await buttonByText(b, '查看办理进度').click()
    const shown = page.locator('[data-testid="feedback-photo"] img').first()
    await shown.waitFor({ timeout: 30_000 })
    // the browser really decoded it: the photo's own size, not a broken image
    await page.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      await shown.elementHandle(),
      { timeout: 20_000 },
    )
    expect(await shown.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([24, 16])
    expect(await page.locator('[data-testid="feedback-photo"]').count()).toBe(1)
    await b.screenshot('02-detail-with-photo')

    // it is the same bytes, stored in the emulator's storage under feedback/
    const src = (await shown.getAttribute('src')) ?? ''
    const fileID = new URL(src, app.url).searchParams.get('fileID') ?? ''
    expect(fileID).toMatch(/^cloud:\/\/[^/]+\/feedback\/h5-[0-9a-f-]+\.png$/)
    const served = await page.request.get(new URL(src, app.url).toString())
    expect(Buffer.from(await served.body()).equals(photo)).toBe(true)
  } finally {
    await b.close()
  }
})

test('given a resident who picks a 3024 × 4032 camera-sized photo, when they submit, then the browser resized it to 750 × 1000 (a JPEG) before the upload', async () => {
  const photo = solidPng(3024, 4032, [40, 90, 160])
  const b = await openBrowser({ baseUrl: app.url, identity: 'o_demo_resident', testName: 'feedback-photo-large' })
  try {
    const page = b.page
    await page.goto(b.url('/packages/feedback/submit/index'))
    await page.locator('[data-testid="feedback-form"]').waitFor({ timeout: 60_000 })
    await page.locator('[data-testid="category-complaint"]').click()
    const field = page
      .locator('[data-testid="feedback-content"] textarea, textarea[data-testid="feedback-content"]')
      .first()
    await field.click()
    await field.fill(CONTENT)
    await page.locator('[data-testid="feedback-add-photo"]').click()
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 20_000 }),
      page.getByText('从相册选择').click(),
    ])
    await chooser.setFiles({ name: 'camera.png', mimeType: 'image/png', buffer: photo })
    await page.locator('[aria-label="删除第1张图片"]').waitFor({ timeout: 20_000 })

    await buttonByText(b, '提交').click()
    const done = page.locator('[data-testid="feedback-submitted"]')
    await done.waitFor({ timeout: 30_000 })
    await buttonByText(b, '查看办理进度').click()
    const shown = page.locator('[data-testid="feedback-photo"] img').first()
    await shown.waitFor({ timeout: 30_000 })
    await page.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      await shown.elementHandle(),
      { timeout: 20_000 },
    )
    expect(await shown.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([750, 1000])
    const src = (await shown.getAttribute('src')) ?? ''
    expect(new URL(src, app.url).searchParams.get('fileID')).toMatch(/\.jpg$/)
    const served = Buffer.from(await (await page.request.get(new URL(src, app.url).toString())).body())
    expect(served.length).toBeLessThanOrEqual(1024 * 1024)
    expect(served.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true)
  } finally {
    await b.close()
  }
})

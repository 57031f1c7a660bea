/**
 * 我要反馈: category chips, the text with a counter, up to 6 photos (album or camera; the browser's file picker in
 * H5), place, anonymity and consent to be contacted.
 * The text is checked for safety on the server before anyone sees it; the answer is a tracking number and the
 * date by which we answer.
 */
import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Input, Switch, Text, Textarea, View } from '@tarojs/components'
import { CATEGORY_LABELS, FEEDBACK_CATEGORIES, type FeedbackCategory } from '@shared/feedback/rules'
import { PageShell } from '@/components/PageShell'
import { ZjButton } from '@/components/ZjButton'
import { Chip } from '@/components/Chip'
import { choosePhotos } from '@/services/feedbackPhotos'
import { requestConsent } from '@/services/subscribe.service'
import { useFeedbackStore } from '@/stores/feedback.store'
import { formatDate } from '@/utils/format'
import '@/modules/feedback/feedback.scss'

const MAX_TEXT = 2500
const MAX_PHOTOS = 6
const HINTS: Record<FeedbackCategory, string> = {
  consultation: '想了解的政策或办事流程，3个工作日内答复',
  complaint: '遇到的问题、经过和希望如何处理，13个工作日内答复',
  suggestion: '对就业服务的改进建议，10个工作日内答复',
  praise: '想表扬的窗口、人员或服务，5个工作日内回复',
}

export default function FeedbackSubmitPage() {
  const submit = useFeedbackStore((s) => s.submit)
  const submitting = useFeedbackStore((s) => s.submitting)
  // 问一问's 转人工 opens a 咨询 prefilled with the question (?category=consultation&content=…)
  const params = useRouter().params
  const preCategory = FEEDBACK_CATEGORIES.find((c) => c === params.category) ?? null
  const [category, setCategory] = useState<FeedbackCategory | null>(preCategory)
  const [content, setContent] = useState(params.content ? decodeURIComponent(params.content).slice(0, MAX_TEXT) : '')
  const [serviceName, setServiceName] = useState('')
  const [place, setPlace] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [anonymous, setAnonymous] = useState(false)
  const [contactConsent, setContactConsent] = useState(false)
  const [contactPhone, setContactPhone] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<{
    trackingNo: string
    dueAt: string
    message: string
    departmentName: string | null
  } | null>(null)
  const [remind, setRemind] = useState<string | null>(null)

  // Called straight from the tap (WeChat shows the dialog only in answer to one).
  const askReminder = () => {
    void requestConsent('feedback').then((r) =>
      setRemind(
        r.error ??
          (r.accepted.length ? '已开启，受理、答复和办结时会通知您' : '未开启提醒，可随时在「我的反馈」查看进度'),
      ),
    )
  }

  const length = Array.from(content.trim()).length
  const phoneOk = !contactConsent || anonymous || /^1[3-9]\d{9}$/.test(contactPhone)

  const send = async () => {
    setError(null)
    if (!category) return setError('请选择反馈类型')
    if (length === 0) return setError('请填写反馈内容')
    if (length > MAX_TEXT) return setError(`内容不能超过${MAX_TEXT}个字`)
    if (!phoneOk) return setError('请填写正确的手机号，或关闭“同意联系我”')
    const res = await submit({
      category,
      content: content.trim(),
      photos,
      ...(serviceName.trim() ? { serviceName: serviceName.trim() } : {}),
      ...(place.trim() ? { place: place.trim() } : {}),
      anonymous,
      contactConsent: !anonymous && contactConsent,
      ...(!anonymous && contactConsent ? { contactPhone } : {}),
    })
    if (res.ok) setDone(res.data)
    else setError(res.error.message)
  }

  const addPhotos = async () => {
    const picked = await choosePhotos(MAX_PHOTOS - photos.length)
    setPhotos((p) => [...p, ...picked].slice(0, MAX_PHOTOS))
  }

  if (done) {
    return (
      <PageShell className='zj-fb-page'>
        <View className='zj-fb-block zj-fb-summary' data-testid='feedback-submitted' role='status'>
          <Text className='zj-fb-block__title'>提交成功</Text>
          <Text className='zj-fb-hint'>受理编号</Text>
          <Text className='zj-fb-tracking' data-testid='tracking-no'>
            {done.trackingNo}
          </Text>
          <Text className='zj-fb-text'>{done.message}</Text>
          <Text className='zj-fb-text'>承办部门：{done.departmentName ?? '待分派'}</Text>
          <Text className='zj-fb-text'>答复期限：{formatDate(done.dueAt)}前</Text>
          <View className='zj-fb-actions'>
            <ZjButton
              kind='primary'
              ariaLabel='查看办理进度'
              onClick={() =>
                void Taro.redirectTo({ url: `/packages/feedback/detail/index?trackingNo=${done.trackingNo}` })
              }
            >
              查看办理进度
            </ZjButton>
            <ZjButton ariaLabel='开启办理进度微信提醒' onClick={askReminder}>
              办理进度提醒我
            </ZjButton>
          </View>
          {remind && (
            <View role='status'>
              <Text className='zj-fb-hint'>{remind}</Text>
            </View>
          )}
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell className='zj-fb-page'>
      <View className='zj-fb-block' data-testid='feedback-form'>
        <Text className='zj-fb-label'>反馈类型</Text>
        <View className='zj-chips' role='radiogroup' aria-label='反馈类型'>
          {FEEDBACK_CATEGORIES.map((c) => (
            <Chip
              key={c}
              label={CATEGORY_LABELS[c]}
              on={category === c}
              onTap={() => setCategory(c)}
              testId={`category-${c}`}
            />
          ))}
        </View>
        {category && <Text className='zj-fb-hint'>{HINTS[category]}</Text>}

        <Text className='zj-fb-label'>反馈内容</Text>
        <Textarea
          className='zj-fb-textarea'
          value={content}
          maxlength={-1}
          placeholder='请写明时间、地点、经过和您的诉求'
          onInput={(e) => setContent(e.detail.value)}
          aria-label='反馈内容'
          data-testid='feedback-content'
        />
        <Text className={`zj-fb-counter ${length > MAX_TEXT ? 'zj-fb-counter--over' : ''}`} aria-live='polite'>
          {length}/{MAX_TEXT}
        </Text>

        <Text className='zj-fb-label'>涉及的服务事项（选填）</Text>
        <Input
          className='zj-fb-input'
          value={serviceName}
          maxlength={50}
          placeholder='如：失业登记、社保补贴'
          onInput={(e) => setServiceName(e.detail.value)}
          aria-label='涉及的服务事项'
        />

        <Text className='zj-fb-label'>地点（选填）</Text>
        <Input
          className='zj-fb-input'
          value={place}
          maxlength={100}
          placeholder='如：历下区就业服务大厅'
          onInput={(e) => setPlace(e.detail.value)}
          aria-label='地点'
        />

        <Text className='zj-fb-label'>图片（选填，最多{MAX_PHOTOS}张）</Text>
        <View className='zj-fb-photos'>
          {photos.map((p, i) => (
            <View key={p} className='zj-fb-photo'>
              <Image className='zj-fb-photo__img' src={p} mode='aspectFill' />
              <View
                className='zj-fb-photo__remove'
                role='button'
                aria-label={`删除第${i + 1}张图片`}
                onClick={() => setPhotos((ps) => ps.filter((x) => x !== p))}
              >
                <Text>✕</Text>
              </View>
            </View>
          ))}
          {photos.length < MAX_PHOTOS && (
            <View
              className='zj-fb-photo zj-fb-photo--add'
              role='button'
              aria-label='添加图片'
              data-testid='feedback-add-photo'
              onClick={() => void addPhotos()}
            >
              <Text>＋ 添加</Text>
            </View>
          )}
        </View>

        <View className='zj-fb-row zj-tap-row' onClick={() => setAnonymous(!anonymous)}>
          <Text className='zj-fb-text'>匿名提交（办理人员看不到您的身份）</Text>
          <View onClick={(e) => e.stopPropagation()}>
            <Switch checked={anonymous} onChange={(e) => setAnonymous(e.detail.value)} aria-label='匿名提交' />
          </View>
        </View>
        {!anonymous && (
          <>
            <View className='zj-fb-row zj-tap-row' onClick={() => setContactConsent(!contactConsent)}>
              <Text className='zj-fb-text'>同意办理人员电话联系我</Text>
              <View onClick={(e) => e.stopPropagation()}>
                <Switch
                  checked={contactConsent}
                  onChange={(e) => setContactConsent(e.detail.value)}
                  aria-label='同意办理人员电话联系我'
                />
              </View>
            </View>
            {contactConsent && (
              <Input
                className='zj-fb-input'
                type='number'
                value={contactPhone}
                maxlength={11}
                placeholder='手机号'
                onInput={(e) => setContactPhone(e.detail.value)}
                aria-label='联系手机号'
              />
            )}
          </>
        )}

        {error && (
          <View role='alert' data-testid='feedback-error'>
            <Text className='zj-fb-error'>{error}</Text>
          </View>
        )}
        <View className='zj-fb-actions'>
          <ZjButton kind='primary' block loading={submitting} ariaLabel='提交反馈' onClick={() => void send()}>
            提交
          </ZjButton>
        </View>
        <Text className='zj-fb-hint'>提交的内容会先经过安全审核；请勿填写身份证号等敏感信息。</Text>
      </View>
    </PageShell>
  )
}

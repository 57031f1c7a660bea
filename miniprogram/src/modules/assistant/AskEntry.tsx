/** 问一问 entry (home and policy pages): opens the assistant, optionally with a question already typed. */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import './assistant.scss'

export function AskEntry({ question, sub }: { question?: string; sub?: string }) {
  const open = () =>
    void Taro.navigateTo({
      url: `/packages/assistant/chat/index${question ? `?q=${encodeURIComponent(question)}` : ''}`,
    })
  return (
    <View
      className='zj-as-entry'
      role='button'
      aria-label='问一问：用自己的话问政策和办事'
      onClick={open}
      data-testid='ask-entry'
    >
      <View>
        <Text className='zj-as-entry__title'>问一问</Text>
        <Text className='zj-as-entry__sub'>{sub ?? '用自己的话问政策和办事，回答注明出处'}</Text>
      </View>
    </View>
  )
}

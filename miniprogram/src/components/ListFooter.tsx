import { Text, View } from '@tarojs/components'

interface Props {
  loading: boolean
  hasMore: boolean
  /** Items shown so far: no footer text for an empty list (PageState shows the empty state). */
  count: number
}

/** The end of a paged list: 加载中… / 上拉加载更多 / 没有更多了. */
export function ListFooter({ loading, hasMore, count }: Props) {
  if (count === 0 && !loading) return null
  const text = loading ? '加载中…' : hasMore ? '上拉加载更多' : '没有更多了'
  return (
    <View className='zj-list-footer' aria-live='polite'>
      <Text>{text}</Text>
    </View>
  )
}

/** Placeholder of the feedback subpackage: the feedback module replaces it with its own pages. */
import { Placeholder } from '../../../components/Placeholder'

export default function FeedbackIndexPage() {
  return <Placeholder text='「我的反馈」即将上线' />
}

/** Placeholder of the notify subpackage: the notify module replaces it with its own pages. */
import { Placeholder } from '../../../components/Placeholder'

export default function NotifyIndexPage() {
  return <Placeholder text='「消息中心」即将上线' />
}

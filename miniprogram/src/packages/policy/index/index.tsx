/** Placeholder of the policy subpackage: the policy module replaces it with its own pages. */
import { Placeholder } from '../../../components/Placeholder'

export default function PolicyIndexPage() {
  return <Placeholder text='「政策详情」即将上线' />
}

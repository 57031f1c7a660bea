/** Placeholder of the staff subpackage: the staff module replaces it with its own pages. */
import { Placeholder } from '../../../components/Placeholder'

export default function StaffIndexPage() {
  return <Placeholder text='「工作台」即将上线' />
}

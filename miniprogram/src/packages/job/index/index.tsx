/** Placeholder of the job subpackage: the job module replaces it with its own pages. */
import { Placeholder } from '../../../components/Placeholder'

export default function JobIndexPage() {
  return <Placeholder text='「岗位详情」即将上线' />
}

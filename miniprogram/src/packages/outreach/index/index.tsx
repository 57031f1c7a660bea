/** Placeholder of the outreach subpackage: the outreach module replaces it with its own pages. */
import { Placeholder } from '../../../components/Placeholder'

export default function OutreachIndexPage() {
  return <Placeholder text='「网格走访」即将上线' />
}

/** Placeholder of the training subpackage: the training module replaces it with its own pages. */
import { Placeholder } from '../../../components/Placeholder'

export default function TrainingIndexPage() {
  return <Placeholder text='「职业技能培训」即将上线' />
}

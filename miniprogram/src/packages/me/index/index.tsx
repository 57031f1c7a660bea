/** Placeholder of the me subpackage: the me module replaces it with its own pages. */
import { Placeholder } from '@/components/Placeholder'

export default function MeIndexPage() {
  return <Placeholder text='「我的资料」即将上线' />
}

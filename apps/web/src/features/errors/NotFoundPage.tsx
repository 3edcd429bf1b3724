import { NotFound } from './NotFound.tsx'

/** The page for addresses that match no route. */
export default function NotFoundPage() {
  return <NotFound />
}

import '@mantine/core/styles.css'
import './app/global.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { createQueryClient } from './app/queries.ts'
import { createRouter } from './app/router.tsx'
import { createI18n } from './i18n/i18n.ts'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

const i18n = await createI18n()
createRoot(root).render(
  <StrictMode>
    <App i18n={i18n} queryClient={createQueryClient()} router={createRouter()} />
  </StrictMode>,
)

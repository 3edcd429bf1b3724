// The en catalogs, one JSON file per namespace (regenerate the imports when a namespace is added).

import type { LocaleResources } from '../catalog.ts'
import account from './en/account.json' with { type: 'json' }
import assessments from './en/assessments.json' with { type: 'json' }
import audit from './en/audit.json' with { type: 'json' }
import auth from './en/auth.json' with { type: 'json' }
import common from './en/common.json' with { type: 'json' }
import countries from './en/countries.json' with { type: 'json' }
import dashboards from './en/dashboards.json' with { type: 'json' }
import discussion from './en/discussion.json' with { type: 'json' }
import documents from './en/documents.json' with { type: 'json' }
import enums from './en/enums.json' with { type: 'json' }
import handbook from './en/handbook.json' with { type: 'json' }
import home from './en/home.json' with { type: 'json' }
import notifications from './en/notifications.json' with { type: 'json' }
import people from './en/people.json' with { type: 'json' }
import portal from './en/portal.json' with { type: 'json' }
import recommendations from './en/recommendations.json' with { type: 'json' }
import reports from './en/reports.json' with { type: 'json' }
import review from './en/review.json' with { type: 'json' }
import rounds from './en/rounds.json' with { type: 'json' }

const catalogs: LocaleResources = {
  common,
  auth,
  home,
  account,
  countries,
  people,
  audit,
  handbook,
  rounds,
  assessments,
  recommendations,
  discussion,
  notifications,
  documents,
  reports,
  portal,
  dashboards,
  review,
  enums,
}
export default catalogs

// The mk catalogs, one JSON file per namespace (regenerate the imports when a namespace is added).

import type { LocaleResources } from '../catalog.ts'
import account from './mk/account.json' with { type: 'json' }
import assessments from './mk/assessments.json' with { type: 'json' }
import audit from './mk/audit.json' with { type: 'json' }
import auth from './mk/auth.json' with { type: 'json' }
import common from './mk/common.json' with { type: 'json' }
import countries from './mk/countries.json' with { type: 'json' }
import dashboards from './mk/dashboards.json' with { type: 'json' }
import discussion from './mk/discussion.json' with { type: 'json' }
import documents from './mk/documents.json' with { type: 'json' }
import enums from './mk/enums.json' with { type: 'json' }
import handbook from './mk/handbook.json' with { type: 'json' }
import home from './mk/home.json' with { type: 'json' }
import notifications from './mk/notifications.json' with { type: 'json' }
import people from './mk/people.json' with { type: 'json' }
import portal from './mk/portal.json' with { type: 'json' }
import recommendations from './mk/recommendations.json' with { type: 'json' }
import reports from './mk/reports.json' with { type: 'json' }
import review from './mk/review.json' with { type: 'json' }
import rounds from './mk/rounds.json' with { type: 'json' }

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

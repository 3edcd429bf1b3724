import { Anchor, Text } from '@mantine/core'
import type { VersionDetail } from '@thbm/shared'
import { Fragment } from 'react'
import { Link } from 'react-router'

/** Indicator codes, comma-separated, each linking to its page when the version has it. */
export function DiffCodes({ codes, version }: { codes: string[]; version?: VersionDetail }) {
  return (
    <span>
      {codes.map((code, i) => (
        <Fragment key={code}>
          {i > 0 && ', '}
          {version?.indicators.some((ind) => ind.code === code) ? (
            <Anchor component={Link} to={`/handbook/${version.id}/indicators/${code}`} ff="monospace" fw={600}>
              {code}
            </Anchor>
          ) : (
            <Text component="span" ff="monospace" fw={600}>
              {code}
            </Text>
          )}
        </Fragment>
      ))}
    </span>
  )
}

import { LOCAL_PROJECT_ID } from '@/lib/content/sources/ndjson'

/**
 * The one user of the local Content Lake: whoever holds the editors' token. An administrator of
 * the local project, so the Studio offers every document action.
 */
export const EDITOR = { id: 'local-editor', name: 'Editor' }

const ADMINISTRATOR = { name: 'administrator', title: 'Administrator' }

export const editorUser = {
  id: EDITOR.id,
  name: EDITOR.name,
  displayName: EDITOR.name,
  email: 'editor@localhost',
  provider: 'local',
  role: ADMINISTRATOR.name,
  roles: [ADMINISTRATOR],
}

export const editorProject = {
  id: LOCAL_PROJECT_ID,
  displayName: 'Embedded dataset',
  studioHost: null,
  isBlocked: false,
  isDisabled: false,
  isDisabledByUser: false,
  metadata: {},
  features: [],
  members: [{ id: EDITOR.id, role: ADMINISTRATOR.name, roles: [ADMINISTRATOR], isCurrentUser: true, isRobot: false }],
}

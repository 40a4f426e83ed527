import { describe, expect, it } from 'vitest';
import { buildFolder } from '../seed/builders.js';
import { collaboratorNoAccess } from './collaborator-no-access.js';

const NOW = new Date('2026-03-16T09:00:00.000Z');
const refused = (folder: { name: string }, collaborator: string) => ({
  ok: false,
  rejection: { id: 'LOOP-COLLABORATOR-NO-ACCESS', params: { collaborator, folder: folder.name } },
});

describe('LOOP-COLLABORATOR-NO-ACCESS: the connector on the folder and the collaborator rights', () => {
  const folder = buildFolder('F1', NOW);

  it('accepts an active connector for a collaborator with no restriction or with the folder assigned', () => {
    expect(collaboratorNoAccess(folder, 'c@x').ok).toBe(true);
    expect(collaboratorNoAccess(folder, 'c@x', { folders: { F1: true } }).ok).toBe(true);
  });

  it('refuses, naming the collaborator and the folder, without the connector or without the folder assigned', () => {
    expect(collaboratorNoAccess({ ...folder, connectorActive: false }, 'c@x')).toEqual(refused(folder, 'c@x'));
    expect(collaboratorNoAccess(folder, 'c@x', { folders: { F2: true } })).toEqual(refused(folder, 'c@x'));
    expect(collaboratorNoAccess(folder, 'c@x', { folders: {} })).toEqual(refused(folder, 'c@x'));
  });
});

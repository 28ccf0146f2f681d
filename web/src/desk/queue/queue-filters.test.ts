import { describe, expect, it } from 'vitest';
import { filtersFrom, listQuery, searchFrom } from './queue-filters.ts';

const from = (search: string) => filtersFrom(new URLSearchParams(search));

describe('the queue in the URL', () => {
  it('opens on all open requests, newest first, as a list', () => {
    expect(from('')).toEqual({ view: 'open', statuses: [], priorities: [], assignee: '', text: '', sort: 'newest', layout: 'list' });
    expect(searchFrom(from('')).toString()).toBe('');
  });

  it('reads a shared URL back to the same filters', () => {
    const search = 'view=mine&status=new,in_progress&priority=urgent&q=vpn&sort=due&layout=board';
    const filters = from(search);
    expect(filters).toEqual({
      view: 'mine',
      statuses: ['new', 'in_progress'],
      priorities: ['urgent'],
      assignee: '',
      text: 'vpn',
      sort: 'due',
      layout: 'board',
    });
    expect(from(searchFrom(filters).toString())).toEqual(filters);
  });

  it('sorts "breaching soon" by due time unless told otherwise, and keeps the URL short for it', () => {
    expect(from('view=breaching').sort).toBe('due');
    expect(searchFrom(from('view=breaching')).toString()).toBe('view=breaching');
    expect(from('view=breaching&sort=newest').sort).toBe('newest');
  });

  it('drops what it does not know (an old bookmark, a typo) instead of failing', () => {
    expect(from('view=everything&status=new,lost&priority=meh&sort=random&layout=grid')).toEqual(from('status=new'));
  });
});

describe('the API query of a view', () => {
  it('asks for the open statuses of the team, newest first', () => {
    expect(listQuery('it', from(''))).toEqual({
      team: 'it',
      status: 'pending_approval,new,acknowledged,in_progress,waiting_on_requester',
      assignee: undefined,
      breaching: undefined,
      priority: undefined,
      text: undefined,
      sort: 'newest',
    });
  });

  it('fixes the assignee for mine and unassigned, whatever the assignee filter says', () => {
    expect(listQuery('it', from('view=mine&assignee=none')).assignee).toBe('me');
    expect(listQuery('it', from('view=unassigned&assignee=me')).assignee).toBe('none');
    expect(listQuery('it', from('assignee=3f1c2a9e-0000-4000-8000-000000000001')).assignee).toBe('3f1c2a9e-0000-4000-8000-000000000001');
  });

  it('asks the server for the breaching ones by due time, and for waiting on requester by status', () => {
    expect(listQuery('hr', from('view=breaching'))).toMatchObject({ breaching: 'soon', sort: 'due' });
    expect(listQuery('hr', from('view=waiting')).status).toBe('waiting_on_requester');
  });

  it('lets a status filter replace the view’s statuses, and passes priorities and words on', () => {
    expect(listQuery('it', from('status=resolved,closed&priority=high,urgent&q=printer'))).toMatchObject({
      status: 'resolved,closed',
      priority: 'high,urgent',
      text: 'printer',
    });
  });
});

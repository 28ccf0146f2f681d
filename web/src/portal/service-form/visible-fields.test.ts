import { describe, expect, it } from 'vitest';
import type { FormField } from '../../api/types.ts';
import { answersToSend, visibleFields } from './visible-fields.ts';

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
// The demo's "Laptop or computer problem" form, plus one field that depends on a dependent one.
const fields: FormField[] = [
  { name: 'device', label: 'Which device?', help: '', required: true, type: 'choice', options: [{ value: 'laptop', label: 'Laptop' }] },
  { name: 'can_work', label: 'Can you work meanwhile?', help: '', required: true, type: 'choice', options: yesNo },
  { name: 'loaner', label: 'Loan laptop?', help: '', required: false, type: 'choice', options: yesNo, showWhen: { field: 'can_work', equals: 'no' } },
  { name: 'deliver_to', label: 'Deliver to', help: '', required: false, type: 'short_text', showWhen: { field: 'loaner', equals: 'yes' } },
  { name: 'extras', label: 'Extras', help: '', required: false, type: 'multi_choice', options: yesNo },
  { name: 'why', label: 'Why both?', help: '', required: false, type: 'long_text', showWhen: { all: [{ field: 'extras', equals: 'yes' }, { field: 'extras', equals: 'no' }] } },
];
const names = (draft: Parameters<typeof visibleFields>[1]) => visibleFields(fields, draft).map((field) => field.name);

describe('conditional fields in the browser', () => {
  it('shows a field once the answer it waits for is given', () => {
    expect(names({})).toEqual(['device', 'can_work', 'extras']);
    expect(names({ can_work: 'no' })).toEqual(['device', 'can_work', 'loaner', 'extras']);
    expect(names({ can_work: 'no', loaner: 'yes' })).toEqual(['device', 'can_work', 'loaner', 'deliver_to', 'extras']);
  });

  it('hides a whole chain when its first link is hidden, even if later answers remain typed', () => {
    expect(names({ can_work: 'yes', loaner: 'yes', deliver_to: 'Lisbon' })).toEqual(['device', 'can_work', 'extras']);
  });

  it('reads a multi-choice "equals" as "is among those picked", as the server does', () => {
    expect(names({ extras: ['yes'] })).not.toContain('why');
    expect(names({ extras: ['yes', 'no'] })).toContain('why');
  });

  it('sends only shown, answered fields, trimmed; blank text and empty picks are not answers', () => {
    const draft = { device: 'laptop', can_work: 'yes', loaner: 'yes', deliver_to: ' Lisbon ', extras: [], why: '  ' };
    expect(answersToSend(fields, draft)).toEqual({ device: 'laptop', can_work: 'yes' });
    expect(answersToSend(fields, { ...draft, can_work: 'no', deliver_to: ' Lisbon ' })).toEqual({
      device: 'laptop',
      can_work: 'no',
      loaner: 'yes',
      deliver_to: 'Lisbon',
    });
  });
});

import { lazy, Suspense, useState } from 'react';
import { useMe } from '../../api/queries.ts';
import { askedLater, rememberAskLater } from './recognition-dismissal.ts';

// The modal and its form load only for someone who has not answered yet: most sign-ins never need it.
const RecognitionPrompt = lazy(async () => ({ default: (await import('./RecognitionPrompt.tsx')).RecognitionPrompt }));

/**
 * Asks "how would you like to be thanked?" once a person is signed in and has never answered.
 * "Ask me later" holds until their next sign-in (see recognition-dismissal.ts). Only browser
 * sessions are asked: the answer is the person's, not an integration's.
 */
export function AskRecognitionOnce() {
  const me = useMe();
  const [askLaterNow, setAskLaterNow] = useState(false);
  const person = me.data;
  if (!person || person.via !== 'session' || person.recognition !== null || askLaterNow || askedLater(person.id)) return null;
  return (
    <Suspense fallback={null}>
      <RecognitionPrompt
        onAskLater={() => {
          rememberAskLater(person.id);
          setAskLaterNow(true);
        }}
      />
    </Suspense>
  );
}

import { useEffect, useRef } from 'react';
import { useRecordView } from './api/queries.ts';

/**
 * Counts one view of the article each time it is opened (the page or the drawer shows it), once it
 * has loaded. The ref keeps React's development double-run of effects from counting twice.
 */
export function useRecordViewOnce(slug: string | null, loaded: boolean): void {
  const recordView = useRecordView();
  const counted = useRef<string | null>(null);
  const { mutate } = recordView;
  useEffect(() => {
    if (!slug || !loaded || counted.current === slug) return;
    counted.current = slug;
    mutate(slug);
  }, [slug, loaded, mutate]);
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveAsideDamaged, readDamagedMarker } from '../../../../main/core/store/damaged-data.js';
import { useTempDirs } from '../../../support/temp-dir.js';

describe('the damaged-data marker', () => {
  const tempDir = useTempDirs();

  it('reads back what was set aside', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'leads.json'), '{ not json');
    const record = moveAsideDamaged(dir, ['leads.json'], 'leads.json is not JSON', new Date('2026-12-01T10:00:00Z'));
    expect(readDamagedMarker(dir)).toEqual(record);
    expect(record.keptFiles).toHaveLength(1);
  });

  it('a marker of the wrong shape is reported as damaged, not trusted', () => {
    const dir = tempDir();
    for (const text of ['{"message": 42}', '[]', '{"message": "x", "keptFiles": "leads.json"}', 'null']) {
      writeFileSync(join(dir, 'STORE-ERROR.json'), text);
      expect(readDamagedMarker(dir)).toEqual({ message: `The data in ${dir} could not be read, and the note about it is damaged too.`, keptFiles: [] });
    }
  });
});

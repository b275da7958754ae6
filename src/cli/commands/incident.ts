import { defineCommand } from 'citty';
import { AttestError } from '../../core/errors.js';

export default defineCommand({
  meta: { name: 'incident', description: 'Not built yet.' },
  run() {
    throw new AttestError('BAD_INPUT', '`attest incident` is not available in this build');
  },
});

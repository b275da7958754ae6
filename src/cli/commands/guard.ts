import { defineCommand } from 'citty';
import { AttestError } from '../../core/errors.js';

export default defineCommand({
  meta: { name: 'guard', description: 'Not built yet.' },
  run() {
    throw new AttestError('BAD_INPUT', '`attest guard` is not available in this build');
  },
});

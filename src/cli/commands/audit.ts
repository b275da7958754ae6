import { defineCommand } from 'citty';
import { AttestError } from '../../core/errors.js';

export default defineCommand({
  meta: { name: 'audit', description: 'Not built yet.' },
  run() {
    throw new AttestError('BAD_INPUT', '`attest audit` is not available in this build');
  },
});

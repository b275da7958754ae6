import { defineCommand } from 'citty';
import { AttestError } from '../../core/errors.js';

export default defineCommand({
  meta: { name: 'discover', description: 'Not built yet.' },
  run() {
    throw new AttestError('BAD_INPUT', '`attest discover` is not available in this build');
  },
});

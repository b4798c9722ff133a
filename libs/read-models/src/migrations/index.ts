import { ProjectionCheckpoints1732400000000 } from './1732400000000-projection-checkpoints';

/** Every read-model migration, in order. */
export const READ_MODEL_MIGRATIONS = [ProjectionCheckpoints1732400000000];

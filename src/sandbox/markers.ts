/** Texts a test puts in a shot to make the sandbox misbehave on purpose. */

/** A video job with this in a shot fails; a live job fails when that shot starts to play. */
export const FAIL_MARKER = '[[sandbox:fail]]';
/** A video job with this in a shot stays WAITING until it is canceled. */
export const QUEUE_MARKER = '[[sandbox:queue]]';
/** An uploaded asset whose name holds this ends its review BLOCK. */
export const BLOCK_MARKER = '[[sandbox:block]]';

// Loaded with `node --require` by the JVM that starts an emulator (NodeEmulator in infrastructure/local-aws).
// The JVM holds the write end of the emulator's stdin pipe; when the JVM goes away for any reason, even
// SIGKILL where no shutdown hook runs, the pipe closes and the emulator exits instead of lingering.
'use strict';
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

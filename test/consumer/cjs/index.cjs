// A CommonJS project requiring ledgersim: the error must say what to do.
try {
  require('ledgersim');
  console.log('loaded');
} catch (error) {
  console.log(error.message);
}

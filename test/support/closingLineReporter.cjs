// Mocha's spec reporter plus the closing line CI reads: "N passed, N failed".
// Plain CommonJS so that both plain-Node mocha and the extension host can load it.
'use strict';
const Mocha = require('mocha');

class ClosingLineReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = this.stats;
      const label = (options && options.reporterOptions && options.reporterOptions.label) || process.env.CLOSING_LINE_LABEL;
      const line = `${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`;
      console.log(label ? `${label}: ${line}` : line);
    });
  }
}
module.exports = ClosingLineReporter;

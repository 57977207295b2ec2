// npm publish runs this first (prepublishOnly). natmodgen has no public repository URL
// yet, and package.json must not carry an invented one: publishing stops here until
// `repository` names the real git URL (npm pkg set repository.type=git repository.url=URL).
'use strict';
const pkg = require('../package.json');
const url = pkg.repository && (typeof pkg.repository === 'string' ? pkg.repository : pkg.repository.url);
if (!url || /[<>]|USER|REPO|example\./.test(url)) {
  process.stderr.write(
    'natmodgen: package.json has no real `repository` URL; set it before publishing:\n' +
      '  npm pkg set repository.type=git repository.url=git+https://<host>/<owner>/natmodgen.git\n',
  );
  process.exit(1);
}

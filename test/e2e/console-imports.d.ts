// The console's modules that these tests import read the API's schema through the console's
// build plugin (admin/apiIntrospection.ts, also in vitest.config.ts); its declaration says what
// that import is.
/// <reference path="../../admin/src/dataProvider/apiIntrospection.d.ts" />

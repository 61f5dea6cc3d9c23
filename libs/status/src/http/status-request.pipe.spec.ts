import { StatusRequestPipe } from './status-request.pipe';

describe('the status request body', () => {
  const pipe = new StatusRequestPipe();
  const fieldsOf = (body: unknown) => {
    try {
      pipe.transform(body);
      return null;
    } catch (e) {
      return (e as { code: string; fields: { field: string }[] }).fields.map((f) => f.field);
    }
  };

  it('passes a reference, an access code and an optional language', () => {
    expect(pipe.transform({ reference: 'MA-7K3Q-9XWD', accessCode: 'H4TRP-X9M2K', language: 'ar' })).toEqual({
      reference: 'MA-7K3Q-9XWD',
      accessCode: 'H4TRP-X9M2K',
      language: 'ar',
    });
  });

  it('refuses what the DTO would refuse, naming each field, with the platform’s VALIDATION_FAILED problem', () => {
    expect(fieldsOf({ reference: 'MA-7K3Q-9XWD', accessCode: 42, language: 'de', userId: 'x' })).toEqual(['userId', 'accessCode', 'language']);
    expect(fieldsOf({ reference: 'M'.repeat(41), accessCode: 'x' })).toEqual(['reference']);
    expect(fieldsOf('MA-7K3Q-9XWD')).toEqual(['body']);
    expect(fieldsOf(null)).toEqual(['body']);
    expect(() => pipe.transform({})).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', status: 400 }));
  });
});

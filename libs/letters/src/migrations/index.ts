import { CreateIssuedLetters1796000400000 } from './1796000400000-create-issued-letters';

export const LettersMigrations: Function[] = [CreateIssuedLetters1796000400000];

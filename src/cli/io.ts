// What a command may touch of the outside world: its output streams and whether colour is wanted.
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  color: boolean;
}

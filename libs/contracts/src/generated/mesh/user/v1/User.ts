// Original file: protos/mesh/user/v1/user.proto


export interface User {
  'id'?: (string);
  'username'?: (string);
  'display_name'?: (string);
  'email'?: (string);
  'roles'?: (string)[];
}

export interface User__Output {
  'id': (string);
  'username': (string);
  'display_name': (string);
  'email': (string);
  'roles': (string)[];
}

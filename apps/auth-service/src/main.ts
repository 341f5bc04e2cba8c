import { loadMesh } from '@jwt-mesh/contracts';

console.log(Object.keys(loadMesh().grpcObject.mesh));

export { conv2dSameFloat, conv2dSameFixed, conv2dSameFixedBig, prepareConv2dSameFixed } from './conv2d-same';
export type {
  Conv2dSameGeometry,
  Conv2dSameParams,
  Conv2dSameFixedParams,
  PreparedConv2dSame,
} from './conv2d-same';
export { averagePool2dFloat, averagePool2dFixed, averagePool2dFixedBig } from './average-pool2d';
export type { AveragePool2dParams, AveragePool2dFixedParams } from './average-pool2d';
export { flattenFloat, flattenFixed, flattenFixedBig } from './flatten';
export type { FlattenFixedTypes } from './flatten';

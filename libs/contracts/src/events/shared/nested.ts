import { Type } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsString,
  IsUUID,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IdentifierScheme, RightType } from '../../values/enums.js';

export class ShareDto {
  @IsUUID()
  holderId: string;

  @IsEnum(RightType)
  rightType: RightType;

  /** Basis points: 10000 is the whole right. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  shareBps: number;
}

export class IdentifierDto {
  @IsEnum(IdentifierScheme)
  scheme: IdentifierScheme;

  /** Normalized form (e.g. ISWC `T0345246801`). */
  @IsString()
  @MinLength(1)
  value: string;
}

/** An array of validated nested objects of `type`. */
export function NestedArray(type: new () => object): PropertyDecorator {
  return (target, key) => {
    ValidateNested({ each: true })(target, key);
    Type(() => type)(target, key);
  };
}

/** One validated nested object of `type`. */
export function Nested(type: new () => object): PropertyDecorator {
  return (target, key) => {
    ValidateNested()(target, key);
    Type(() => type)(target, key);
  };
}
